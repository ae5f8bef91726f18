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

export function declareCommand<Request extends object, Reply>(declaration: {
  subject: string;
  request: new () => Request;
  reply: Reply;
}): CommandDeclaration<Request, Reply> {
  if (declared.has(declaration.subject)) {
    throw new Error(`bus subject ${declaration.subject} is declared twice`);
  }
  const command = { subject: declaration.subject, request: declaration.request };
  declared.set(command.subject, command);
  return command;
}

export function commandDeclaredAs(subject: string): AnyCommand | undefined {
  return declared.get(subject);
}
