import { Alert, Card, CardContent, Chip, Typography } from '@mui/material';
import { Title } from 'react-admin';

import { useApi } from './use-api';

interface Stats {
  groups: number;
  chatrooms: number;
  members: number;
  eventsPerMinute: number;
  eventsPerMinuteLastHour: number;
  webhookBacklog: number;
  services: Record<string, string>;
}

const Figure = ({ label, value }: { label: string; value: number | string }) => (
  <Card>
    <CardContent>
      <Typography variant="h5" data-testid={`stat-${label}`}>
        {value}
      </Typography>
      <Typography color="text.secondary">{label}</Typography>
    </CardContent>
  </Card>
);

export const Dashboard = () => {
  const { data, error } = useApi<Stats>('/admin/v1/stats');
  return (
    <div style={{ padding: 8 }}>
      <Title title="Dashboard" />
      {error && <Alert severity="error">{error}</Alert>}
      {data && (
        <>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 16 }}>
            <Figure label="groups" value={data.groups} />
            <Figure label="chatrooms" value={data.chatrooms} />
            <Figure label="members" value={data.members} />
            <Figure label="events / min" value={data.eventsPerMinute} />
            <Figure label="events / min (last hour)" value={data.eventsPerMinuteLastHour} />
            <Figure label="webhook backlog" value={data.webhookBacklog} />
          </div>
          <Typography variant="h6" sx={{ mt: 3, mb: 1 }}>
            Service health
          </Typography>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {Object.entries(data.services).map(([service, status]) => (
              <Chip key={service} label={`${service}: ${status}`} color={status === 'ok' ? 'success' : 'error'} />
            ))}
          </div>
        </>
      )}
    </div>
  );
};
