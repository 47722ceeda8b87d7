package dev.weft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllocationBudgetTest {

    @Test
    void anActionWithinItsBudgetReturnsItsResult() {
        assertEquals(3, AllocationBudget.assertWithin(1 << 20, () -> "abc".length()));
    }

    @Test
    void anActionThatAllocatesMoreThanItsBudgetEveryTimeFails() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> AllocationBudget.assertWithin(1 << 20, () -> new byte[8 << 20]));
        assertTrue(error.getMessage().contains("the budget is 1048576"), error.getMessage());
    }

    @Test
    void anExceptionOfTheActionIsRethrownAfterTheMeasurement() {
        assertThrows(IllegalArgumentException.class, () -> AllocationBudget.assertWithin(1 << 20, () -> {
            throw new IllegalArgumentException("defined error");
        }));
    }

    @Test
    void theBytesOfALargeArrayAreCounted() {
        long bytes = AllocationBudget.bytesAllocatedBy(() -> blackHole(new byte[4 << 20]));
        assertTrue(bytes >= 4 << 20, "counted " + bytes);
    }

    private static void blackHole(byte[] array) {
        if (array.length == 0) {
            throw new IllegalStateException();
        }
    }
}
