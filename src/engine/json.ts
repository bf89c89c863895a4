/** A value that survives JSON.stringify/JSON.parse unchanged: what artifacts and evidence must be. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
