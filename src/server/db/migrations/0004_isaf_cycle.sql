CREATE TABLE "catalogue_audio" (
	"owner_kind" text NOT NULL,
	"owner_key" text NOT NULL,
	"language" text NOT NULL,
	"media_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_audio_owner_kind_owner_key_language_pk" PRIMARY KEY("owner_kind","owner_key","language")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"sector_code" text NOT NULL,
	"name_km" text NOT NULL,
	"name_en" text NOT NULL,
	"name_en_is_translation" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"duplicate_of_id" uuid,
	"source_note" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_scale" (
	"value" integer PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"label_km" text NOT NULL,
	"label_en" text NOT NULL,
	CONSTRAINT "rating_scale_value_ck" CHECK ("rating_scale"."value" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "committee_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"age" integer NOT NULL,
	"ethnic_minority" boolean DEFAULT false NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycle_facilitators" (
	"cycle_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "cycle_facilitators_cycle_id_user_id_pk" PRIMARY KEY("cycle_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cycle_steps" (
	"cycle_id" uuid NOT NULL,
	"step" text NOT NULL,
	"completed_on" date NOT NULL,
	"completed_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_steps_cycle_id_step_pk" PRIMARY KEY("cycle_id","step")
);
--> statement-breakpoint
CREATE TABLE "cycles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"sector_code" text NOT NULL,
	"province_code" text NOT NULL,
	"district_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"step" text DEFAULT 'planned' NOT NULL,
	"ngo_organisation_id" uuid,
	"planned_meeting_on" date,
	"i4c_budget_summary" text,
	"i4c_notes" text,
	"i4c_published_at" timestamp with time zone,
	"committee_formed_at" timestamp with time zone,
	"committee_quota_met" boolean,
	"committee_override_reason" text,
	"committee_override_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "i4c_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label_km" text NOT NULL,
	"label_en" text NOT NULL,
	"standard_value" text NOT NULL,
	"actual_value" text NOT NULL,
	"unit" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "i4c_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"village_code" text,
	"attendance" jsonb NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interface_meetings" (
	"cycle_id" uuid PRIMARY KEY NOT NULL,
	"held_on" date NOT NULL,
	"attendance" jsonb NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jaap_action_indicators" (
	"action_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	CONSTRAINT "jaap_action_indicators_action_id_indicator_id_pk" PRIMARY KEY("action_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "jaap_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"commune_code" text NOT NULL,
	"title" text NOT NULL,
	"responsible_party" text NOT NULL,
	"responsible_name" text NOT NULL,
	"responsible_user_id" uuid,
	"resources_riel" bigint,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"drop_reason" text,
	"from_interface_meeting" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jaap_updates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"action_id" uuid NOT NULL,
	"note" text NOT NULL,
	"status_after" text NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_communes" (
	"programme_id" uuid NOT NULL,
	"commune_code" text NOT NULL,
	CONSTRAINT "programme_communes_programme_id_commune_code_pk" PRIMARY KEY("programme_id","commune_code")
);
--> statement-breakpoint
CREATE TABLE "programme_indicators" (
	"programme_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	CONSTRAINT "programme_indicators_programme_id_indicator_id_pk" PRIMARY KEY("programme_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "programme_partners" (
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "programme_partners_programme_id_organisation_id_pk" PRIMARY KEY("programme_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name_km" text NOT NULL,
	"name_en" text NOT NULL,
	"donor" text,
	"lead_organisation_id" uuid,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"quota_rules" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "isaf_rollup" (
	"scope" text NOT NULL,
	"scope_level" smallint NOT NULL,
	"parent_scope" text,
	"sector_code" text NOT NULL,
	"year" integer NOT NULL,
	"metric" text NOT NULL,
	"dims" text DEFAULT '' NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "isaf_rollup_scope_sector_code_year_metric_dims_pk" PRIMARY KEY("scope","sector_code","year","metric","dims")
);
--> statement-breakpoint
CREATE TABLE "scorecard_change_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_issues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"participant_number" integer,
	"count" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_participant_tallies" (
	"scorecard_id" uuid NOT NULL,
	"sex" text NOT NULL,
	"age_band" text NOT NULL,
	"count" integer NOT NULL,
	"disability" integer DEFAULT 0 NOT NULL,
	"ethnic_minority" integer DEFAULT 0 NOT NULL,
	"id_poor" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "scorecard_participant_tallies_scorecard_id_sex_age_band_pk" PRIMARY KEY("scorecard_id","sex","age_band"),
	CONSTRAINT "scorecard_participant_tallies_ck" CHECK ("scorecard_participant_tallies"."count" >= 0 and "scorecard_participant_tallies"."disability" between 0 and "scorecard_participant_tallies"."count" and "scorecard_participant_tallies"."ethnic_minority" between 0 and "scorecard_participant_tallies"."count" and "scorecard_participant_tallies"."id_poor" between 0 and "scorecard_participant_tallies"."count")
);
--> statement-breakpoint
CREATE TABLE "scorecard_participants" (
	"scorecard_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"sex" text NOT NULL,
	"age" integer NOT NULL,
	"disability" boolean DEFAULT false NOT NULL,
	"ethnic_minority" boolean DEFAULT false NOT NULL,
	"id_poor" boolean DEFAULT false NOT NULL,
	CONSTRAINT "scorecard_participants_scorecard_id_number_pk" PRIMARY KEY("scorecard_id","number"),
	CONSTRAINT "scorecard_participants_age_ck" CHECK ("scorecard_participants"."age" between 5 and 120)
);
--> statement-breakpoint
CREATE TABLE "scorecard_priorities" (
	"scorecard_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"strengths" text,
	"weaknesses" text,
	"suggested_actions" text,
	CONSTRAINT "scorecard_priorities_scorecard_id_indicator_id_pk" PRIMARY KEY("scorecard_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "scorecard_score_tallies" (
	"scorecard_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "scorecard_score_tallies_scorecard_id_indicator_id_score_pk" PRIMARY KEY("scorecard_id","indicator_id","score"),
	CONSTRAINT "scorecard_score_tallies_ck" CHECK ("scorecard_score_tallies"."score" between 1 and 5 and "scorecard_score_tallies"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "scorecard_scores" (
	"scorecard_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"participant_number" integer NOT NULL,
	"score" smallint NOT NULL,
	CONSTRAINT "scorecard_scores_scorecard_id_indicator_id_participant_number_pk" PRIMARY KEY("scorecard_id","indicator_id","participant_number"),
	CONSTRAINT "scorecard_scores_score_ck" CHECK ("scorecard_scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "scorecards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mode" text DEFAULT 'individual' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"held_on" date,
	"village_code" text,
	"facilitator_id" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalogue_audio" ADD CONSTRAINT "catalogue_audio_media_id_media_files_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_sector_code_facility_kinds_code_fk" FOREIGN KEY ("sector_code") REFERENCES "public"."facility_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_duplicate_of_id_indicators_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_facilitators" ADD CONSTRAINT "cycle_facilitators_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_facilitators" ADD CONSTRAINT "cycle_facilitators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_steps" ADD CONSTRAINT "cycle_steps_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_steps" ADD CONSTRAINT "cycle_steps_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_sector_code_facility_kinds_code_fk" FOREIGN KEY ("sector_code") REFERENCES "public"."facility_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_commune_code_places_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."places"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_ngo_organisation_id_organisations_id_fk" FOREIGN KEY ("ngo_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_committee_override_by_users_id_fk" FOREIGN KEY ("committee_override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "i4c_items" ADD CONSTRAINT "i4c_items_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "i4c_sessions" ADD CONSTRAINT "i4c_sessions_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "i4c_sessions" ADD CONSTRAINT "i4c_sessions_village_code_places_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."places"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "i4c_sessions" ADD CONSTRAINT "i4c_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interface_meetings" ADD CONSTRAINT "interface_meetings_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jaap_action_indicators" ADD CONSTRAINT "jaap_action_indicators_action_id_jaap_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."jaap_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jaap_action_indicators" ADD CONSTRAINT "jaap_action_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jaap_actions" ADD CONSTRAINT "jaap_actions_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jaap_actions" ADD CONSTRAINT "jaap_actions_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jaap_actions" ADD CONSTRAINT "jaap_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jaap_updates" ADD CONSTRAINT "jaap_updates_action_id_jaap_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."jaap_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jaap_updates" ADD CONSTRAINT "jaap_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_communes" ADD CONSTRAINT "programme_communes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_communes" ADD CONSTRAINT "programme_communes_commune_code_places_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."places"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_indicators" ADD CONSTRAINT "programme_indicators_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_indicators" ADD CONSTRAINT "programme_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_partners" ADD CONSTRAINT "programme_partners_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_partners" ADD CONSTRAINT "programme_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_change_requests" ADD CONSTRAINT "scorecard_change_requests_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_change_requests" ADD CONSTRAINT "scorecard_change_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_change_requests" ADD CONSTRAINT "scorecard_change_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_issues" ADD CONSTRAINT "scorecard_issues_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_issues" ADD CONSTRAINT "scorecard_issues_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_issues" ADD CONSTRAINT "scorecard_issues_participant_fk" FOREIGN KEY ("scorecard_id","participant_number") REFERENCES "public"."scorecard_participants"("scorecard_id","number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_participant_tallies" ADD CONSTRAINT "scorecard_participant_tallies_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_participants" ADD CONSTRAINT "scorecard_participants_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_priorities" ADD CONSTRAINT "scorecard_priorities_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_priorities" ADD CONSTRAINT "scorecard_priorities_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_score_tallies" ADD CONSTRAINT "scorecard_score_tallies_priority_fk" FOREIGN KEY ("scorecard_id","indicator_id") REFERENCES "public"."scorecard_priorities"("scorecard_id","indicator_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_scores" ADD CONSTRAINT "scorecard_scores_priority_fk" FOREIGN KEY ("scorecard_id","indicator_id") REFERENCES "public"."scorecard_priorities"("scorecard_id","indicator_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_scores" ADD CONSTRAINT "scorecard_scores_participant_fk" FOREIGN KEY ("scorecard_id","participant_number") REFERENCES "public"."scorecard_participants"("scorecard_id","number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_facilitator_id_users_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_uq" ON "indicators" USING btree ("code");--> statement-breakpoint
CREATE INDEX "indicators_sector_idx" ON "indicators" USING btree ("sector_code","sort_order");--> statement-breakpoint
CREATE INDEX "committee_members_cycle_idx" ON "committee_members" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "cycle_facilitators_user_idx" ON "cycle_facilitators" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cycles_facility_year_uq" ON "cycles" USING btree ("facility_id","year");--> statement-breakpoint
CREATE INDEX "cycles_commune_year_idx" ON "cycles" USING btree ("commune_code","year");--> statement-breakpoint
CREATE INDEX "cycles_province_year_idx" ON "cycles" USING btree ("province_code","year");--> statement-breakpoint
CREATE INDEX "cycles_programme_idx" ON "cycles" USING btree ("programme_id","year");--> statement-breakpoint
CREATE INDEX "i4c_items_cycle_idx" ON "i4c_items" USING btree ("cycle_id","position");--> statement-breakpoint
CREATE INDEX "i4c_sessions_cycle_idx" ON "i4c_sessions" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "jaap_actions_cycle_idx" ON "jaap_actions" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "jaap_actions_commune_idx" ON "jaap_actions" USING btree ("commune_code","deadline");--> statement-breakpoint
CREATE INDEX "jaap_actions_responsible_idx" ON "jaap_actions" USING btree ("responsible_user_id");--> statement-breakpoint
CREATE INDEX "jaap_updates_action_idx" ON "jaap_updates" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "programme_communes_commune_idx" ON "programme_communes" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "media_files_sha_idx" ON "media_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "isaf_rollup_parent_idx" ON "isaf_rollup" USING btree ("parent_scope","year","metric");--> statement-breakpoint
CREATE INDEX "scorecard_change_requests_card_idx" ON "scorecard_change_requests" USING btree ("scorecard_id");--> statement-breakpoint
CREATE INDEX "scorecard_issues_card_idx" ON "scorecard_issues" USING btree ("scorecard_id","indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_issues_raiser_uq" ON "scorecard_issues" USING btree ("scorecard_id","indicator_id","participant_number") WHERE "scorecard_issues"."participant_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "scorecards_cycle_kind_uq" ON "scorecards" USING btree ("cycle_id","kind");--> statement-breakpoint
CREATE INDEX "scorecards_status_idx" ON "scorecards" USING btree ("status");