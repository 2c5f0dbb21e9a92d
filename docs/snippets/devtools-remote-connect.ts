import {connectDevtools} from 'page-state/devtools';
import {remoteDevtools} from '../recipes/devtools-remote.js';

connectDevtools({name: 'shop', connect: ({name}) => remoteDevtools({name, hostname: 'localhost', port: 8000})});
