namespace Pipeline.Storage.Postgres;

internal static class PostgresMigrations
{
    // Lean on purpose (see the storage benchmarks): the article is stored once, already LZ4-compressed,
    // so PostgreSQL is told not to compress it again (STORAGE EXTERNAL); the full-text column holds the
    // project's pre-analysed terms, far smaller than a tsvector of the raw text; filters use arrays with
    // GIN indexes instead of side tables. source_paths doubles as the per-path lock that keeps
    // concurrent writers of versions of one path in order.
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "documents, filters and full-text index", """
            CREATE TABLE documents (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                document_id uuid NOT NULL UNIQUE,
                source_path text NOT NULL,
                sha256 text NOT NULL,
                correlation_id uuid NOT NULL,
                dropped_at timestamptz NOT NULL,
                stored_at timestamptz NOT NULL,
                is_current boolean NOT NULL DEFAULT true,
                language text,
                published_on date,
                site_key text,
                source_names text[] NOT NULL,
                source_keys text[] NOT NULL,
                entity_names text[] NOT NULL,
                entity_keys text[] NOT NULL,
                stages jsonb NOT NULL,
                search tsvector NOT NULL,
                article bytea NOT NULL
            );
            ALTER TABLE documents ALTER COLUMN article SET STORAGE EXTERNAL;
            CREATE INDEX documents_by_path ON documents (source_path, dropped_at, id);
            CREATE INDEX documents_by_published ON documents (published_on);
            CREATE INDEX documents_search ON documents USING gin (search);
            CREATE INDEX documents_source_keys ON documents USING gin (source_keys);
            CREATE INDEX documents_entity_keys ON documents USING gin (entity_keys);
            CREATE TABLE source_paths (
                source_path text PRIMARY KEY,
                versions integer NOT NULL
            );
            """),

        // lz4 compresses the TOASTed tsvector faster than the default pglz and smaller here (50 against
        // 59 MB for 5,000 articles), so less WAL per document. Rows keep the method they were written with;
        // a server built without lz4 keeps pglz.
        new(2, "lz4 compression for the full-text column", """
            DO $$
            BEGIN
                ALTER TABLE documents ALTER COLUMN search SET COMPRESSION lz4;
            EXCEPTION WHEN feature_not_supported THEN
                RAISE NOTICE 'lz4 is not available on this server; the full-text column keeps pglz';
            END
            $$;
            """),

        // A separate connection merges the pending lists after every write (GinPendingListCleaner); the
        // limit is what an insert lets pile up before merging by itself when that cleaner is busy or behind.
        // At the default 4 MB one batch of 500 articles nearly filled it, so the writer merged inline anyway.
        new(3, "larger GIN pending lists", """
            ALTER INDEX documents_search SET (gin_pending_list_limit = 16384);
            ALTER INDEX documents_source_keys SET (gin_pending_list_limit = 16384);
            ALTER INDEX documents_entity_keys SET (gin_pending_list_limit = 16384);
            """),
    ];
}
