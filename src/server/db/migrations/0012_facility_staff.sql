CREATE TABLE "facility_staff" (
	"facility_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "facility_staff_user_id_facility_id_pk" PRIMARY KEY("user_id","facility_id")
);
--> statement-breakpoint
ALTER TABLE "facility_staff" ADD CONSTRAINT "facility_staff_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_staff" ADD CONSTRAINT "facility_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "facility_staff_facility_idx" ON "facility_staff" USING btree ("facility_id");