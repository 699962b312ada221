-- Issue 16: the applicant's contact preferences (online submission, counter start form); existing dossiers: yes.
alter table dossier add column notify_by_email boolean default true not null;
alter table dossier add column notify_by_sms boolean default true not null;
