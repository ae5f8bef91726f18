import type { RoomAttributesOutcome, RoomAttributeView } from '@cohort/contracts';

import type { MetadataOutcome } from './dto/metadata-answers';

/** `{successKeys, errorKeys}`: the keys done, and each failed key with its error's description. */
export const metadataOutcome = ({ done, failed }: RoomAttributesOutcome): MetadataOutcome => ({
  successKeys: done,
  errorKeys: Object.fromEntries(failed.map(({ key, error }) => [key, error.message])),
});

/** `{key: value}` of the attributes read. */
export const metadataValues = (attributes: RoomAttributeView[]): Record<string, string> =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, value]));
