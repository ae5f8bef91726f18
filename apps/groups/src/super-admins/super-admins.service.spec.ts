import { callBy, newTestService } from '@cohort/testing';

import { SuperAdminRepository } from './super-admin.repository';
import { SuperAdminsService } from './super-admins.service';

function setup() {
  const { service, mock } = newTestService(SuperAdminsService);
  return { service, superAdmins: mock(SuperAdminRepository) };
}

describe('SuperAdminsService', () => {
  it('only the app admin manages them', async () => {
    const { service, superAdmins } = setup();
    await expect(service.add(callBy('1'), { userId: '5' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.remove(callBy('1'), { userId: '5' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.list(callBy('1'), { pageNumber: 1, pageSize: 10 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(superAdmins.add).not.toHaveBeenCalled();
  });

  it('adding says whether it was new; removing one who is not is not_found', async () => {
    const { service, superAdmins } = setup();
    superAdmins.add.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
    await expect(service.add(callBy(null), { userId: '5' })).resolves.toEqual({ added: true });
    await expect(service.add(callBy(null), { userId: '5' })).resolves.toEqual({ added: false });
    superAdmins.remove.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
    await expect(service.remove(callBy(null), { userId: '5' })).resolves.toEqual({ removed: true });
    await expect(service.remove(callBy(null), { userId: '5' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('pages by number, the next page while more remain', async () => {
    const { service, superAdmins } = setup();
    superAdmins.page.mockResolvedValue({ userIds: ['5', '6'], total: 3 });
    await expect(service.list(callBy(null), { pageNumber: 1, pageSize: 2 })).resolves.toEqual({
      items: ['5', '6'],
      cursor: '2',
      total: 3,
    });
    expect(superAdmins.page).toHaveBeenCalledWith('app', 0, 2);
  });
});
