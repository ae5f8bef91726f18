import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { DeleteFilesCommand, UploadFileCommand } from './content.commands';

const upload = {
  groupId: '1000000001',
  name: 'notes.pdf',
  size: 0,
  type: '',
  url: 'https://files.example.com/notes.pdf',
};
const failing = (cls: new () => object, input: object) =>
  validateSync(plainToInstance(cls, input)).map((error) => error.property);

describe('UploadFileCommand', () => {
  it.each(['https://files.example.com/a.pdf', 'http://localhost:9000/bucket/a%20b.pdf?sig=x#p', 'https://127.0.0.1'])(
    'accepts %s',
    (url) => {
      expect(failing(UploadFileCommand, { ...upload, url })).toEqual([]);
    },
  );

  it.each([
    'ftp://files.example.com/a.pdf',
    'files.example.com/a.pdf',
    'https://',
    'https:///a.pdf',
    'https://example.com/a b.pdf',
    'javascript:alert(1)',
    '',
  ])('refuses %j', (url) => {
    expect(failing(UploadFileCommand, { ...upload, url })).toEqual(['url']);
  });

  it('holds a file to its limits: a name of 1..256, a size ≥ 0, a url of at most 2048', () => {
    expect(failing(UploadFileCommand, { ...upload, name: '' })).toEqual(['name']);
    expect(failing(UploadFileCommand, { ...upload, name: 'n'.repeat(257) })).toEqual(['name']);
    expect(failing(UploadFileCommand, { ...upload, size: -1 })).toEqual(['size']);
    expect(failing(UploadFileCommand, { ...upload, url: `https://example.com/${'a'.repeat(2029)}` })).toEqual(['url']);
    expect(failing(UploadFileCommand, { ...upload, url: `https://example.com/${'a'.repeat(2028)}` })).toEqual([]);
  });
});

describe('DeleteFilesCommand', () => {
  it('takes 1 to 100 file ids', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(1_000_000_000 + i));
    expect(failing(DeleteFilesCommand, { groupId: '1', fileIds: ids(100) })).toEqual([]);
    expect(failing(DeleteFilesCommand, { groupId: '1', fileIds: ids(1001) })).toEqual(['fileIds']);
    expect(failing(DeleteFilesCommand, { groupId: '1', fileIds: [] })).toEqual(['fileIds']);
  });
});
