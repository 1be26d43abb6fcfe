import { LoginView } from '@/features/auth/components/login-view';
import { AuthPage } from '../auth-page';

export const LoginRoute = () => (
  <AuthPage>
    <LoginView />
  </AuthPage>
);
