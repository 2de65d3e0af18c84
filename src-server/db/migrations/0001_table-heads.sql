CREATE TABLE "table_heads" (
	"branch_key" text NOT NULL,
	"table_name" text NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "table_heads_branch_key_table_name_pk" PRIMARY KEY("branch_key","table_name")
);
--> statement-breakpoint
-- Written by hand after generation: the heads of the rows already held.
INSERT INTO "table_heads" ("branch_key", "table_name", "version")
SELECT coalesce(branch_id, '') AS branch_key, 'branches' AS table_name, max(sync_version) AS version FROM "branches" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'offices' AS table_name, max(sync_version) AS version FROM "offices" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'workstations' AS table_name, max(sync_version) AS version FROM "workstations" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'suppliers' AS table_name, max(sync_version) AS version FROM "suppliers" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'services' AS table_name, max(sync_version) AS version FROM "services" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'tariffs' AS table_name, max(sync_version) AS version FROM "tariffs" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'settings' AS table_name, max(sync_version) AS version FROM "settings" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'operators' AS table_name, max(sync_version) AS version FROM "operators" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'customers' AS table_name, max(sync_version) AS version FROM "customers" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'accounts' AS table_name, max(sync_version) AS version FROM "accounts" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'account_persons' AS table_name, max(sync_version) AS version FROM "account_persons" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'account_services' AS table_name, max(sync_version) AS version FROM "account_services" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'consents' AS table_name, max(sync_version) AS version FROM "consents" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'meters' AS table_name, max(sync_version) AS version FROM "meters" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'readings' AS table_name, max(sync_version) AS version FROM "readings" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'reading_deletions' AS table_name, max(sync_version) AS version FROM "reading_deletions" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'opening_balances' AS table_name, max(sync_version) AS version FROM "opening_balances" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'charges' AS table_name, max(sync_version) AS version FROM "charges" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'shifts' AS table_name, max(sync_version) AS version FROM "shifts" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'payments' AS table_name, max(sync_version) AS version FROM "payments" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'payment_lines' AS table_name, max(sync_version) AS version FROM "payment_lines" GROUP BY branch_id
UNION ALL
SELECT coalesce(branch_id, '') AS branch_key, 'payment_cancellations' AS table_name, max(sync_version) AS version FROM "payment_cancellations" GROUP BY branch_id;
