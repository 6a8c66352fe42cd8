ALTER TABLE "feedback_messages" ADD COLUMN "reminded_for_due_on" date;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;