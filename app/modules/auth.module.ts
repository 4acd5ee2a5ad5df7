import { WEB_SIGN_IN_ROUTE } from '../../api/auth/web-sign-in';
import { ModuleDescriptor } from '../module-descriptor';

export const AUTH_MODULE: ModuleDescriptor = {
  name: 'auth',
  routes: [WEB_SIGN_IN_ROUTE],
};
