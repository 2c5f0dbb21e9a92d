import {clearAll} from 'page-state';

await clearAll(); // or clearAll({endpoint: '/api/page-state'})
