import type { RoomAttributesOutcome, RoomAttributeView } from '@cohort/contracts';

import type { MetadataOutcome } from './dto/metadata-answers';

export const metadataOutcome = ({ done, failed }: RoomAttributesOutcome): MetadataOutcome => ({
  successKeys: done,
  errorKeys: Object.fromEntries(failed.map(({ key, error }) => [key, error.message])),
});

export const metadataValues = (attributes: RoomAttributeView[]): Record<string, string> =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, value]));
