import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.CountDownLatch;

/**
 * Runs mongo-java-server on 127.0.0.1 for development and tests.
 *
 * <p>Usage: {@code CohortMongoServer --port N [--file PATH]}. Without {@code --file} the data lives
 * in memory (tests); with it, in an H2 MVStore file that survives restarts ({@code npm start}), and
 * every write is in the file before it is answered (a kill -9 loses nothing acknowledged).
 * SIGTERM/SIGINT stop it cleanly: the listener closes and the H2 file is committed and closed.
 */
public final class CohortMongoServer {
  public static void main(String[] args) throws InterruptedException {
    int port = 0;
    String file = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--file" -> file = args[++i];
        default -> {
          System.err.println("unknown argument: " + args[i]);
          System.exit(2);
        }
      }
    }
    if (port <= 0) {
      System.err.println("usage: CohortMongoServer --port N [--file PATH]");
      System.exit(2);
    }
    MongoBackend backend = file == null ? new SnapshotMemoryBackend() : new DurableH2Backend(file);
    MongoServer server = new MongoServer(backend);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdownNow();
      stopped.countDown();
      System.out.println("mongo-java-server stopped");
      System.out.flush();
      // A stop we asked for is a clean exit (the JVM would otherwise report 143 for SIGTERM).
      Runtime.getRuntime().halt(0);
    }));
    server.bind("127.0.0.1", port);
    System.out.println("mongo-java-server listening on 127.0.0.1:" + port + " (" + (file == null ? "memory" : "H2 file " + file) + ")");
    stopped.await();
  }
}

/**
 * H2's MVStore commits in the background about once a second, so a process killed after answering
 * a write could lose it. This backend commits the store (writes the changes to the file) before a
 * command's reply leaves: the OS holds the bytes once the write returns, so they survive the death
 * of the JVM. They are not fsynced per write: a power loss may still take the last ones (see
 * docs/dev-database.md) — production runs MongoDB with journaling and write concern majority.
 */
final class DurableH2Backend extends H2Backend {
  DurableH2Backend(String file) {
    super(file);
  }

  @Override
  public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
    try {
      return super.handleCommand(channel, databaseName, command, query);
    } finally {
      // Reads change nothing; a write's changes (even a failed command's partial ones) go to the file.
      if (getMvStore().hasUnsavedChanges()) {
        commit();
      }
    }
  }
}

/**
 * The memory backend hands out its live documents: a reply is serialised after the collection's
 * lock is released, so a concurrent update could change (or tear) a document already matched — a
 * {@code findOneAndUpdate} post-image showing a later caller's {@code $inc}, for instance. MongoDB
 * never does that. These subclasses copy what a query or findAndModify returns while the lock is
 * still held.
 */
final class SnapshotMemoryBackend extends MemoryBackend {
  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new SnapshotMemoryDatabase(databaseName, getCursorRegistry());
  }
}

final class SnapshotMemoryDatabase extends MemoryDatabase {
  SnapshotMemoryDatabase(String databaseName, CursorRegistry cursorRegistry) {
    super(databaseName, cursorRegistry);
  }

  @Override
  protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
    return new SnapshotMemoryCollection(this, collectionName, options, cursorRegistry);
  }
}

final class SnapshotMemoryCollection extends MemoryCollection {
  SnapshotMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                           CursorRegistry cursorRegistry) {
    super(database, collectionName, options, cursorRegistry);
  }

  /** True inside a write: the documents it looks up are the ones it must change, not copies. */
  private boolean writing;
  /** True while a client's find runs (and no write): only its results are copied. */
  private boolean answeringFind;

  @Override
  public synchronized Document findAndModify(Document query) {
    Document result = whileWriting(() -> super.findAndModify(query));
    if (result.get("value") instanceof Document value) {
      result.put("value", value.cloneDeeply());
    }
    return result;
  }

  @Override
  public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
    return whileWriting(() -> super.deleteDocuments(selector, limit, oplog));
  }

  @Override
  public synchronized QueryResult handleQuery(QueryParameters queryParameters) {
    if (writing) {
      return super.handleQuery(queryParameters);
    }
    answeringFind = true;
    try {
      return super.handleQuery(queryParameters);
    } finally {
      answeringFind = false;
    }
  }

  /** Runs under the lock; copies the matched documents (first batch and cursor), not the scanned set. */
  @Override
  protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
    List<Document> documents = answeringFind ? matchedDocuments.stream().map(Document::cloneDeeply).toList() : matchedDocuments;
    return super.createQueryResult(documents, batchSize);
  }

  private <T> T whileWriting(Supplier<T> write) {
    boolean outer = !writing;
    writing = true;
    try {
      return write.get();
    } finally {
      if (outer) {
        writing = false;
      }
    }
  }
}
