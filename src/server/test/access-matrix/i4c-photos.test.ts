import { i4cPhotosMatrix } from "./i4c-photos.rows";
import { runMatrix } from "./matrix";

runMatrix(i4cPhotosMatrix);
