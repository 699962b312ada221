-- Managers' dossier search (issue 20, search/DossierSearch): every search is bounded by a period of registration
-- and ordered by it by default, or looks a dossier up by its applicant's ID number; the other filters (procedure,
-- status, channel, division, name) narrow the rows of that range. Codes are the primary key already.
create index dossier_registered on dossier (registered_at, code);
create index dossier_applicant_id on dossier (applicant_id_number);
create index dossier_division_registered on dossier (division, registered_at);
create index dossier_status_registered on dossier (status, registered_at);
-- The dashboard's distribution of processing time reads the dossiers solved in a period (report/PerformanceCharts).
create index dossier_completed on dossier (completed_at);
