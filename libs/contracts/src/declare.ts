/** Handlers (`@Handles`) and senders (`BusClient.send`) are typed from it, so a subject is spelled once. */
export interface CommandDeclaration<Request extends object, Reply> {
  readonly subject: string;
  readonly request: new () => Request;
  /** Type-level only: never set at run time. */
  readonly reply?: Reply;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any request/reply pair
export type AnyCommand = CommandDeclaration<any, any>;
export type RequestOf<C extends AnyCommand> = C extends CommandDeclaration<infer Request, unknown> ? Request : never;
export type ReplyOf<C extends AnyCommand> = C extends CommandDeclaration<object, infer Reply> ? Reply : never;

export function replyType<Reply>(): Reply {
  return undefined as Reply;
}

const declared = new Map<string, AnyCommand>();

/** `declareCommand('groups.group.state', GroupIdCommand, replyType<GroupView>())`; a subject declared twice throws at load. */
export function declareCommand<Request extends object, Reply>(
  subject: string,
  request: new () => Request,
  // Type-level only: carries the reply type (replyType<T>() is undefined at run time).
  _reply: Reply,
): CommandDeclaration<Request, Reply> {
  if (declared.has(subject)) throw new Error(`bus subject ${subject} is declared twice`);
  const command = { subject, request };
  declared.set(subject, command);
  return command;
}

export function commandDeclaredAs(subject: string): AnyCommand | undefined {
  return declared.get(subject);
}
