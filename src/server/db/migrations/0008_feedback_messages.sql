CREATE TABLE "feedback_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tracking_code" text NOT NULL,
	"channel" text NOT NULL,
	"commune_code" text NOT NULL,
	"sector_code" text,
	"facility_id" uuid,
	"topic" text NOT NULL,
	"text" text NOT NULL,
	"sender_flagged_harm" boolean DEFAULT false NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"restricted_because" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"answer_text" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"answer_due_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_messages_tracking_code_uq" UNIQUE("tracking_code")
);
--> statement-breakpoint
ALTER TABLE "feedback_messages" ADD CONSTRAINT "feedback_messages_commune_code_places_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."places"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_messages" ADD CONSTRAINT "feedback_messages_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_messages" ADD CONSTRAINT "feedback_messages_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_messages_queue_idx" ON "feedback_messages" USING btree ("commune_code","restricted","status","created_at");--> statement-breakpoint
CREATE INDEX "feedback_messages_due_idx" ON "feedback_messages" USING btree ("status","answer_due_on");