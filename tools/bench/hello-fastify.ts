import Fastify from 'fastify';

/** The baseline: alone in its own process, like the gateway. */
const port = Number(process.argv[2]);
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.listen({ port, host: '127.0.0.1' }).then(
  () => process.stdout.write(`listening ${port}\n`),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
