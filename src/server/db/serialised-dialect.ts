// PGlite is a single database session. Kysely gives every query and every transaction its own
// "connection", and kysely-pglite hands out the same session each time: two requests' transactions
// would interleave inside one BEGIN…COMMIT (row locks never block, one's ROLLBACK undoes the other's
// writes, FOR UPDATE SKIP LOCKED skips nothing). Handing out connections one at a time makes each
// transaction run alone, as it would on its own PostgreSQL connection.
import type { DatabaseConnection, Dialect, Driver, TransactionSettings } from 'kysely';

export function serialisedDialect(inner: Dialect): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new SerialisedDriver(inner.createDriver()),
    createIntrospector: (db) => inner.createIntrospector(db),
    createQueryCompiler: () => inner.createQueryCompiler(),
  };
}

class SerialisedDriver implements Driver {
  #tail: Promise<void> = Promise.resolve();
  readonly #releases = new Map<DatabaseConnection, () => void>();

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => turn);
    await previous;
    try {
      const connection = await this.inner.acquireConnection();
      this.#releases.set(connection, release);
      return connection;
    } catch (err) {
      release();
      throw err;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.releaseConnection(connection);
    } finally {
      this.#releases.get(connection)?.();
      this.#releases.delete(connection);
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
