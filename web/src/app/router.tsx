import { createBrowserRouter } from 'react-router';
import AuthorizationUrlStep from './routes/authorization-url';
import CallbackRoute from './routes/callback';
import ConsentStep from './routes/consent';
import CreateInstanceStep from './routes/create-instance';
import InstanceTokenStep from './routes/instance-token';
import InstancesPage from './routes/instances';
import Layout from './routes/layout';
import NotFound from './routes/not-found';
import RequestTokenStep from './routes/request-token';
import Resume from './routes/resume';
import TryItStep from './routes/try-it';

/** One route per step, so each can be linked, reloaded and returned to from the provider. */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Resume /> },
      { path: 'step/request-token', element: <RequestTokenStep /> },
      { path: 'step/authorization-url', element: <AuthorizationUrlStep /> },
      { path: 'step/consent', element: <ConsentStep /> },
      { path: 'oauth/callback', element: <CallbackRoute /> },
      { path: 'step/create-instance', element: <CreateInstanceStep /> },
      { path: 'step/instance-token', element: <InstanceTokenStep /> },
      { path: 'step/try-it', element: <TryItStep /> },
      { path: 'instances', element: <InstancesPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
