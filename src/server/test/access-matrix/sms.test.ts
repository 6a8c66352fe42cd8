import { runMatrix } from "./matrix";
import { smsMatrix } from "./sms.rows";

runMatrix(smsMatrix);
