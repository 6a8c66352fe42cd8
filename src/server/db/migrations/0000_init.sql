CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_username" text,
	"actor_roles" text[] NOT NULL,
	"ip" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"place_code" text,
	"changes" jsonb
);
--> statement-breakpoint
CREATE TABLE "facilities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind_code" text NOT NULL,
	"name_km" text NOT NULL,
	"name_en" text NOT NULL,
	"province_code" text NOT NULL,
	"district_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"village_code" text,
	"lat" double precision,
	"lng" double precision,
	"contact_name" text,
	"phone" text,
	"email" text,
	"address" text,
	"operator_organisation_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"deactivated_at" timestamp with time zone,
	"deactivation_reason" text,
	"search_text" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_catchment" (
	"facility_id" uuid NOT NULL,
	"place_code" text NOT NULL,
	CONSTRAINT "facility_catchment_facility_id_place_code_pk" PRIMARY KEY("facility_id","place_code")
);
--> statement-breakpoint
CREATE TABLE "facility_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer NOT NULL,
	"valid_rows" integer NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"rows" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"name_km" text NOT NULL,
	"name_en" text NOT NULL,
	"isaf_sector" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_services" (
	"facility_id" uuid NOT NULL,
	"service_type_code" text NOT NULL,
	CONSTRAINT "facility_services_facility_id_service_type_code_pk" PRIMARY KEY("facility_id","service_type_code")
);
--> statement-breakpoint
CREATE TABLE "service_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name_km" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name_km" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"place_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"level" text NOT NULL,
	"type" text NOT NULL,
	"name_km" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ungegn" text,
	"search_latin" text NOT NULL,
	"search_khmer" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_settings" (
	"role" text PRIMARY KEY NOT NULL,
	"require_totp" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_areas" (
	"user_id" uuid NOT NULL,
	"place_code" text NOT NULL,
	CONSTRAINT "user_areas_user_id_place_code_pk" PRIMARY KEY("user_id","place_code")
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "user_roles_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"password_hash" text NOT NULL,
	"organisation_id" uuid,
	"locale" text DEFAULT 'km' NOT NULL,
	"national_area" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"totp_secret" text,
	"totp_enabled" boolean DEFAULT false NOT NULL,
	"failed_sign_ins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_kind_code_facility_kinds_code_fk" FOREIGN KEY ("kind_code") REFERENCES "public"."facility_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_province_code_places_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."places"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_district_code_places_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."places"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_commune_code_places_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."places"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_village_code_places_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."places"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_operator_organisation_id_organisations_id_fk" FOREIGN KEY ("operator_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_catchment" ADD CONSTRAINT "facility_catchment_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_catchment" ADD CONSTRAINT "facility_catchment_place_code_places_code_fk" FOREIGN KEY ("place_code") REFERENCES "public"."places"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_imports" ADD CONSTRAINT "facility_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_services" ADD CONSTRAINT "facility_services_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_services" ADD CONSTRAINT "facility_services_service_type_code_service_types_code_fk" FOREIGN KEY ("service_type_code") REFERENCES "public"."service_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_place_code_places_code_fk" FOREIGN KEY ("place_code") REFERENCES "public"."places"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_parent_code_places_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."places"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_areas" ADD CONSTRAINT "user_areas_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_areas" ADD CONSTRAINT "user_areas_place_code_places_code_fk" FOREIGN KEY ("place_code") REFERENCES "public"."places"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_events" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_place_idx" ON "audit_events" USING btree ("place_code");--> statement-breakpoint
CREATE UNIQUE INDEX "facilities_code_uq" ON "facilities" USING btree (lower("code"));--> statement-breakpoint
CREATE INDEX "facilities_province_name_idx" ON "facilities" USING btree ("province_code","name_en");--> statement-breakpoint
CREATE INDEX "facilities_commune_idx" ON "facilities" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "facilities_district_idx" ON "facilities" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "facilities_kind_idx" ON "facilities" USING btree ("kind_code");--> statement-breakpoint
CREATE INDEX "facilities_search_trgm_idx" ON "facilities" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "facility_services_type_idx" ON "facility_services" USING btree ("service_type_code");--> statement-breakpoint
CREATE INDEX "organisations_place_idx" ON "organisations" USING btree ("place_code");--> statement-breakpoint
CREATE INDEX "places_parent_idx" ON "places" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "places_search_latin_prefix_idx" ON "places" USING btree ("search_latin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "places_search_khmer_prefix_idx" ON "places" USING btree ("search_khmer" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "places_search_latin_trgm_idx" ON "places" USING gin ("search_latin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "places_search_khmer_trgm_idx" ON "places" USING gin ("search_khmer" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_areas_place_idx" ON "user_areas" USING btree ("place_code");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree (lower("username"));