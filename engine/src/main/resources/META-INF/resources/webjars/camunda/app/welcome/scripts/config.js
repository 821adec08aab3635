// shenpi: replaces Camunda 7.24's own welcome/scripts/config.js, which sets nothing (all of it is
// commented out): every setting not named here keeps the 7.24 default.
import { localesConfig } from '../../shenpi/locale.js';
// names family name first (张敏), as Chinese names are written
import '../../shenpi/chinese-names.js';

export default {
  app: {
    name: '欢迎',
    vendor: '审批系统'
  },
  locales: localesConfig()
};
