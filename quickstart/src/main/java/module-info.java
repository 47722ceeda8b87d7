/** The todo service of Weft's quickstart. */
module com.example.todo {
    requires dev.weft.jackson;
    requires dev.weft.micrometer;
    requires micrometer.registry.prometheus;

    opens com.example.todo to com.fasterxml.jackson.databind;
}
