import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Rules = ReturnType<Lookup>;

let installed = false;

/**
 * class-validator looks a class's rules up on every validation, scanning every decorated class for
 * ancestors (the top validation frames of a request's profile); the rules are fixed once a class is
 * defined, so each lookup is made once. Idempotent.
 */
export function lookUpValidationRulesOnce(storage: Storage = getMetadataStorage()): void {
  if (installed) return;
  installed = true;
  const lookUp: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const rulesOf = new WeakMap<object, Map<string, Rules>>();
  const grouped = new WeakMap<Rules, ReturnType<Storage['groupByPropertyName']>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    let byOptions = rulesOf.get(target);
    if (!byOptions) rulesOf.set(target, (byOptions = new Map()));
    const key = `${schema}\n${always}\n${strictGroups}\n${groups?.join(',') ?? ''}`;
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage.groupByPropertyName = (rules) => {
    let byProperty = grouped.get(rules);
    if (!byProperty) grouped.set(rules, (byProperty = group(rules)));
    return byProperty;
  };
}
