-- Issue 14: a supplement file may say which required document of the procedure (processes/procedures.yaml,
-- requiredDocuments) it completes, so the staff's lists show it beside that document. Null: not said (listed
-- under "Bổ sung khác"); always null for the files of the first submission.
alter table dossier_attachment add column completes_document varchar(500);
