namespace Pipeline.Storage.Sqlite;

internal static class SqliteMigrations
{
    // The full-text table is contentless: it holds only the index of the analysed title and body terms;
    // the text itself is stored once, compressed, in documents.article.
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "documents, filters and full-text index", """
            CREATE TABLE documents (
                id INTEGER PRIMARY KEY,
                document_id BLOB NOT NULL UNIQUE,
                source_path TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                correlation_id BLOB NOT NULL,
                dropped_at INTEGER NOT NULL,
                stored_at INTEGER NOT NULL,
                is_current INTEGER NOT NULL,
                language TEXT,
                published_on TEXT,
                site_key TEXT,
                stages TEXT NOT NULL,
                article BLOB NOT NULL
            );
            CREATE INDEX documents_by_path ON documents (source_path, dropped_at, id);
            CREATE INDEX documents_by_published ON documents (published_on);
            CREATE TABLE document_sources (
                key TEXT NOT NULL,
                document INTEGER NOT NULL REFERENCES documents (id),
                name TEXT NOT NULL,
                PRIMARY KEY (key, document)
            ) WITHOUT ROWID;
            CREATE INDEX document_sources_by_document ON document_sources (document);
            CREATE TABLE document_entities (
                key TEXT NOT NULL,
                document INTEGER NOT NULL REFERENCES documents (id),
                name TEXT NOT NULL,
                PRIMARY KEY (key, document)
            ) WITHOUT ROWID;
            CREATE INDEX document_entities_by_document ON document_entities (document);
            CREATE VIRTUAL TABLE documents_fts USING fts5 (title, body, content = '', tokenize = 'unicode61 remove_diacritics 0');
            """),

        // FTS5 merges index segments as they pile up: by default 4 at a time, so batched inserts rewrote the
        // same postings again and again. At 8, 100,000 documents indexed at 2,248-2,373/s against 1,845-2,022 with
        // search unchanged (p50 2.5-2.7 ms, p99 10-11 ms; `*SearchBenchmarks*`).
        new(2, "fewer full-text segment merges", """
            INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 8);
            """),

        // Keyed by document first, a batch's names go to the end of the table instead of one leaf page per name
        // scattered by key, and every commit writes each page it touched in full: the index worker wrote about
        // 85 WAL pages' worth of pwrite calls per article, 60 of them for these two tables. Every query reads them by
        // document (a filter looks up one document's key, facets join on the document), so the separate
        // by-document indexes go too.
        new(3, "names keyed by document first", """
            CREATE TABLE document_sources_by_document_first (
                key TEXT NOT NULL,
                document INTEGER NOT NULL REFERENCES documents (id),
                name TEXT NOT NULL,
                PRIMARY KEY (document, key)
            ) WITHOUT ROWID;
            INSERT INTO document_sources_by_document_first (key, document, name) SELECT key, document, name FROM document_sources;
            DROP TABLE document_sources;
            ALTER TABLE document_sources_by_document_first RENAME TO document_sources;
            CREATE TABLE document_entities_by_document_first (
                key TEXT NOT NULL,
                document INTEGER NOT NULL REFERENCES documents (id),
                name TEXT NOT NULL,
                PRIMARY KEY (document, key)
            ) WITHOUT ROWID;
            INSERT INTO document_entities_by_document_first (key, document, name) SELECT key, document, name FROM document_entities;
            DROP TABLE document_entities;
            ALTER TABLE document_entities_by_document_first RENAME TO document_entities;
            """),
    ];
}
