/// <reference types="vite/client" />
import {connectDevtools} from 'page-state/devtools';

if (import.meta.env.DEV) connectDevtools({name: 'shop'}); // the browser extension
