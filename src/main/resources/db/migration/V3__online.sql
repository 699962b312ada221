-- Online public service (issue 5): documents, lookup secrets, idempotent submissions.

-- Thành phần hồ sơ điện tử: uploaded documents, content included, written in the engine's transaction.
-- file_name is the applicant's name for the file: metadata only, never a path.
create table dossier_attachment (
    id            varchar(36)  not null primary key,
    dossier_code  varchar(40)  not null references dossier (code),
    kind          varchar(16)  not null,
    position      integer      not null,
    file_name     varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    sha256        char(64)     not null,
    content       bytea        not null,
    created_at    timestamp with time zone not null
);
create index dossier_attachment_dossier on dossier_attachment (dossier_code);

-- Mã tra cứu: the applicant's lookup secret of an online dossier, as a SHA-256 hash only.
create table dossier_lookup_secret (
    dossier_code  varchar(40) not null primary key references dossier (code),
    secret_hash   char(64)    not null,
    created_at    timestamp with time zone not null
);

-- Idempotency-Key of online submissions: the key and request as hashes; the first answer, encrypted
-- under a key derived from the client's Idempotency-Key (which is not stored), to answer a retry alike.
create table online_idempotency_key (
    key_hash      char(64)    not null primary key,
    request_hash  char(64)    not null,
    dossier_code  varchar(40) references dossier (code),
    response      bytea,
    created_at    timestamp with time zone not null
);
