CREATE TABLE "feedback_time_limits" (
	"scope" text PRIMARY KEY NOT NULL,
	"acknowledge_days" integer NOT NULL,
	"answer_days" integer NOT NULL,
	"escalation_days" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_messages" ADD COLUMN "acknowledge_due_on" date;--> statement-breakpoint
ALTER TABLE "feedback_messages" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "feedback_messages" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "feedback_messages" ADD CONSTRAINT "feedback_messages_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;