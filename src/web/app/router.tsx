// Routes, each page split into its own chunk (lazy) so the first page stays small on a phone.
import { createBrowserRouter } from 'react-router';
import { Layout } from './layout.js';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, lazy: () => import('./routes/home.js') },
      { path: 'directory', lazy: () => import('./routes/directory.js') },
      { path: 'organisations/:slug', lazy: () => import('./routes/organisation.js') },
      { path: 'programmes/:slug', lazy: () => import('./routes/programme.js') },
      { path: 'join', lazy: () => import('./routes/join.js') },
      { path: 'join/edit/:id', lazy: () => import('./routes/join.js') },
      { path: 'login', lazy: () => import('./routes/login.js') },
      { path: 'register', lazy: () => import('./routes/register.js') },
      { path: 'verify-email', lazy: () => import('./routes/verify-email.js') },
      { path: 'forgot-password', lazy: () => import('./routes/forgot-password.js') },
      { path: 'reset-password', lazy: () => import('./routes/reset-password.js') },
      { path: 'invitation', lazy: () => import('./routes/invitation.js') },
      { path: 'account', lazy: () => import('./routes/account.js') },
      { path: 'my/organisations/:slug', lazy: () => import('./routes/my-organisation.js') },
      { path: 'staff/applications', lazy: () => import('./routes/staff-applications.js') },
      { path: 'staff/applications/:id', lazy: () => import('./routes/staff-application.js') },
      { path: 'staff/members', lazy: () => import('./routes/staff-members.js') },
      { path: 'staff/programmes', lazy: () => import('./routes/staff-programmes.js') },
      { path: 'staff/programmes/:slug', lazy: () => import('./routes/staff-programme.js') },
      { path: 'staff/stats', lazy: () => import('./routes/staff-stats.js') },
      { path: 'staff/mail', lazy: () => import('./routes/staff-mail.js') },
      { path: '*', lazy: () => import('./routes/not-found.js') },
    ],
  },
]);
