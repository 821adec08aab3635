import { createApp } from 'vue';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { router } from './router';
// form-js writes "Select" into an empty drop-down: the Tasklist's rule makes it read 请选择 here too
import '../../engine/src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/styles/user-styles.css';
import './workbench.css';

createApp(App).use(ElementPlus, { locale: zhCn }).use(router).mount('#app');
