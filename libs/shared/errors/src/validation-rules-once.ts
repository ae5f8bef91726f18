import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Rules = ReturnType<Lookup>;

let installed = false;

/**
 * class-validator looks a class's rules up again on every validation, and the lookup scans the
 * rules of every decorated class for ancestors (hundreds of classes in the gateway) — the top
 * validation frames of a request's profile. A class's rules are fixed once it is defined, so each
 * lookup is made once per class and option set, and its grouping by property once per lookup:
 * validation is compiled once per class, not rebuilt per message. Idempotent.
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
