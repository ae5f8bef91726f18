import { StrictMode } from 'react';
import { Admin, Resource } from 'react-admin';
import { createRoot } from 'react-dom/client';

import { AuditList } from './audit';
import { authProvider } from './auth-provider';
import { Dashboard } from './dashboard';
import { dataProvider } from './data-provider';
import { GroupList, GroupShow } from './groups';
import { WebhookList } from './webhooks';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Admin
      title="Cohort console"
      dataProvider={dataProvider}
      authProvider={authProvider}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      <Resource
        name="groups"
        options={{ label: 'Groups & chatrooms' }}
        list={GroupList}
        show={GroupShow}
        recordRepresentation="name"
      />
      <Resource name="audit" options={{ label: 'Audit log' }} list={AuditList} />
      <Resource name="webhooks" options={{ label: 'Webhooks' }} list={WebhookList} />
    </Admin>
  </StrictMode>,
);
