/**
 * The one declaration of a bus command: its subject, the class that validates its request (on the
 * gateway and again in the service) and, as a type only, its reply. Handlers (`@Handles`) and
 * senders (`BusClient.send`) are typed from it, so a subject is spelled once.
 */
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

/** Marks a declaration's reply type: `reply: replyType<GroupView>()`. */
export function replyType<Reply>(): Reply {
  return undefined as Reply;
}

const declared = new Map<string, AnyCommand>();

/** Declares a command; a subject declared twice is a programming error caught at load time. */
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

/** The declaration behind a subject (a transport serving handlers by subject validates with it). */
export function commandDeclaredAs(subject: string): AnyCommand | undefined {
  return declared.get(subject);
}
