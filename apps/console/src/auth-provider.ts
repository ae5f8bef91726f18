import type { AuthProvider } from 'react-admin';

import { api, session } from './api';

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const issued = await api<{ access_token: string }>('POST', '/token', {
      body: { client_id: username, client_secret: password },
      auth: false,
    });
    session.save(issued.access_token, username);
  },
  async logout() {
    session.clear();
  },
  async checkAuth() {
    if (!session.token()) throw new Error('sign in with the app’s client id and secret');
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      session.clear();
      throw new Error('the session ended: sign in again');
    }
  },
  async getIdentity() {
    return { id: session.client() ?? 'admin', fullName: `app admin (${session.client() ?? '?'})` };
  },
  async getPermissions() {
    return 'app-admin';
  },
};
