CREATE TABLE "feedback_contacts" (
	"feedback_message_id" uuid PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"phone_sealed" text NOT NULL,
	"phone_hash" text NOT NULL,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_channels" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sender" text NOT NULL,
	"secret_hash" text NOT NULL,
	"send_url" text,
	"send_method" text DEFAULT 'POST' NOT NULL,
	"send_content_type" text DEFAULT 'application/json' NOT NULL,
	"send_body" text,
	"send_authorization_sealed" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_inbound" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"provider_id" text,
	"sender_hash" text NOT NULL,
	"kind" text NOT NULL,
	"feedback_message_id" uuid,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_opt_outs" (
	"phone_hash" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_outbound" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"to_sealed" text NOT NULL,
	"to_hash" text NOT NULL,
	"text" text NOT NULL,
	"purpose" text NOT NULL,
	"feedback_message_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_messages" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "feedback_messages" ADD COLUMN "escalated_to_level" text;--> statement-breakpoint
ALTER TABLE "feedback_contacts" ADD CONSTRAINT "feedback_contacts_feedback_message_id_feedback_messages_id_fk" FOREIGN KEY ("feedback_message_id") REFERENCES "public"."feedback_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_contacts" ADD CONSTRAINT "feedback_contacts_channel_id_sms_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."sms_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_inbound" ADD CONSTRAINT "sms_inbound_channel_id_sms_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."sms_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_outbound" ADD CONSTRAINT "sms_outbound_channel_id_sms_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."sms_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_outbound" ADD CONSTRAINT "sms_outbound_feedback_message_id_feedback_messages_id_fk" FOREIGN KEY ("feedback_message_id") REFERENCES "public"."feedback_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_channels_one_default_uq" ON "sms_channels" USING btree ("is_default") WHERE "sms_channels"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "sms_inbound_provider_uq" ON "sms_inbound" USING btree ("channel_id","provider_id");--> statement-breakpoint
CREATE INDEX "sms_outbound_due_idx" ON "sms_outbound" USING btree ("next_attempt_at") WHERE "sms_outbound"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "sms_outbound_message_idx" ON "sms_outbound" USING btree ("feedback_message_id");