ALTER TABLE all_types
    ADD COLUMN c_int4multirange int4multirange NOT NULL DEFAULT '{}',
    ADD COLUMN c_datemultirange datemultirange NOT NULL DEFAULT '{}',
    ADD COLUMN c_floatmultirange floatmultirange NOT NULL DEFAULT '{}';
