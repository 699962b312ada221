-- One-stop papers (issue 15): every paper issued for a dossier (receipt, supplement request, refusal, apology, result
-- copy), written in the engine's transaction by the step that issues it. The data the paper shows is frozen here as
-- JSON when it is issued, so every later download renders the same document; pdf_sha256 is the SHA-256 of that
-- document, recorded by its first rendering and checked by every later one.
create table issued_paper (
    dossier_code   varchar(40)  not null references dossier (code),
    kind           varchar(32)  not null,
    seq            integer      not null,
    form_edition   varchar(40)  not null,
    form_number    varchar(8),
    paper_number   varchar(80)  not null,
    issued_at      timestamp with time zone not null,
    issued_by      varchar(64),
    data           text         not null,
    data_sha256    char(64)     not null,
    pdf_sha256     char(64),
    primary key (dossier_code, kind, seq)
);
create index issued_paper_issued_at on issued_paper (kind, issued_at);
