-- The procedure's own fields of each dossier (issue 14), typed: the start form declares them, the start
-- listener writes them. One column per kind, so a report reads a day as a day.
create table dossier_field_value (
    dossier_code   varchar(40)    not null,
    field_key      varchar(64)    not null,
    position       integer        not null,
    field_type     varchar(16)    not null,
    text_value     varchar(4000),
    number_value   numeric(38, 10),
    date_value     date,
    boolean_value  boolean,
    primary key (dossier_code, field_key)
);

-- Checklist at reception (danh mục thành phần hồ sơ đã nhận): per reception round of a dossier (1, then 2
-- after a supplement ...), the documents the catalog requires and those the clerk added, whether each was
-- received, in what form and how many copies. Printed on the receipt (form 01) and the supplement request.
create table reception_checklist_item (
    dossier_code    varchar(40)   not null,
    round           integer       not null,
    sequence        integer       not null,
    document_name   varchar(500)  not null,
    required        boolean       not null,
    received        boolean       not null,
    paper_form      varchar(20),
    copies          integer       not null,
    note            varchar(1000),
    recorded_at     timestamp with time zone not null,
    recorded_by     varchar(64),
    primary key (dossier_code, round, sequence)
);
