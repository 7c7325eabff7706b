package dev.daybook.budget;

import java.util.List;

import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;

/**
 * Not part of Daybook: classes in a feature's package that use Slack's SDK in the ways code tends to,
 * so that {@code ArchitectureTests} can show its rule refuses each of them. Test sources are not part
 * of what the rule checks in Daybook itself.
 */
public final class BoltInBudget {

    /** Each way of using the SDK, one class each. */
    public static final List<Class<?>> ALL = List.of(Field.class, Signature.class, Body.class);

    private BoltInBudget() {
    }

    /** A field of a Bolt type. */
    static final class Field {
        App app;
    }

    /** A Block Kit type only as a type argument of a method's answer. */
    static final class Signature {
        List<LayoutBlock> blocks() {
            return List.of();
        }
    }

    /** The SDK only inside a method body. */
    static final class Body {
        Object build() {
            return SectionBlock.builder().blockId("budget").build();
        }
    }
}
