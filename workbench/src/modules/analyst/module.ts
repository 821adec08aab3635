// The analysts' pages: 事项清单 (browse, versions side by side, edit, .xlsx import with its report),
// 工作日历 (enter and publish a year), 文书模板 (edit with preview); the modeler opens from each in a
// new tab under the same login. The server checks the analysts group again on every write.
import { inGroup, type WorkbenchModule } from '../types';
import './analyst.css';
import CalendarView from './CalendarView.vue';
import CatalogueView from './CatalogueView.vue';
import EntryView from './EntryView.vue';
import TemplatesView from './TemplatesView.vue';

const analysts = inGroup('analysts');

export const module: WorkbenchModule = {
  routes: [
    { path: '/analyst/catalogue', component: CatalogueView },
    { path: '/analyst/catalogue/:itemKey', component: EntryView, props: true },
    { path: '/analyst/calendar', component: CalendarView },
    { path: '/analyst/templates', component: TemplatesView },
  ],
  nav: [
    { to: '/analyst/catalogue', label: '事项清单', order: 60, visible: analysts },
    { to: '/analyst/calendar', label: '工作日历', order: 61, visible: analysts },
    { to: '/analyst/templates', label: '文书模板', order: 62, visible: analysts },
  ],
};
