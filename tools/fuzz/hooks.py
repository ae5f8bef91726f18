"""Schemathesis hooks of `npm run fuzz` (tools/fuzz/fuzz.ts points SCHEMATHESIS_HOOKS here)."""
import schemathesis


@schemathesis.hook
def before_call(context, case, **kwargs):
    # The stateful phase copies values from answers into the parameters of the next call as they
    # are, so a group id (a JSON number) reaches the `group_id` header as a number, which the HTTP
    # client refuses before sending anything. A header is text: send its decimal string.
    if case.headers:
        for name, value in case.headers.items():
            if not isinstance(value, (str, bytes)):
                case.headers[name] = str(value)
