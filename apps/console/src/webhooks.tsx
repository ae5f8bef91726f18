import { Alert, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Datagrid, FunctionField, List, type RaRecord, TextField } from 'react-admin';

import type { CursorPage } from './api';
import { useApi } from './use-api';

const cell = (value: unknown) =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

const Deliveries = ({ id }: { id: string }) => {
  const { data, error } = useApi<CursorPage<Record<string, unknown>>>(
    `/admin/v1/webhooks/${encodeURIComponent(id)}/deliveries`,
    { limit: 50 },
  );
  if (error) return <Alert severity="error">{error}</Alert>;
  const rows = data?.items ?? [];
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].slice(0, 8);
  return (
    <div style={{ overflowX: 'auto' }}>
      <Typography variant="subtitle2">Deliveries of {id}</Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c}>{c}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={i}>
              {columns.map((c) => (
                <TableCell key={c}>{cell(r[c])}</TableCell>
              ))}
            </TableRow>
          ))}
          {!rows.length && (
            <TableRow>
              <TableCell>No deliveries</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
};

export const WebhookList = () => {
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <>
      <List title="Webhooks" exporter={false} perPage={25}>
        <div style={{ overflowX: 'auto' }}>
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <TextField source="id" label="Id" sortable={false} />
            <TextField source="url" label="URL" sortable={false} />
            <FunctionField label="Events" render={(r: RaRecord) => cell(r.events)} />
            <FunctionField label="Enabled" render={(r: RaRecord) => cell(r.enabled ?? r.active)} />
            <FunctionField
              label=""
              render={(r: RaRecord) => <Button onClick={() => setPicked(String(r.id))}>Deliveries</Button>}
            />
          </Datagrid>
        </div>
      </List>
      {picked && <Deliveries id={picked} />}
    </>
  );
};
