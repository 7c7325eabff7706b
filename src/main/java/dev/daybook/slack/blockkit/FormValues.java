package dev.daybook.slack.blockkit;

import java.util.Map;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;

/** What a person entered in a submitted form; every Daybook form keeps one element per block, named {@code value}. */
public final class FormValues {

    public static final String VALUE = "value";

    private final Map<String, Map<String, ViewState.Value>> values;

    private FormValues(Map<String, Map<String, ViewState.Value>> values) {
        this.values = values == null ? Map.of() : values;
    }

    public static FormValues of(View view) {
        return new FormValues(view == null || view.getState() == null ? null : view.getState().getValues());
    }

    /** The text typed into a block, "" when empty. */
    public String text(String block) {
        ViewState.Value value = value(block);
        return value == null || value.getValue() == null ? "" : value.getValue();
    }

    public String selectedOption(String block) {
        ViewState.Value value = value(block);
        return value == null || value.getSelectedOption() == null ? null : value.getSelectedOption().getValue();
    }

    /** The values of the options ticked in a block of checkboxes; empty when none. */
    public java.util.List<String> selectedOptions(String block) {
        ViewState.Value value = value(block);
        return value == null || value.getSelectedOptions() == null ? java.util.List.of()
                : value.getSelectedOptions().stream().map(o -> o.getValue()).toList();
    }

    /** The date picked in a block ({@code yyyy-MM-dd}), or null. */
    public String selectedDate(String block) {
        ViewState.Value value = value(block);
        return value == null ? null : value.getSelectedDate();
    }

    /** The time picked in a block's {@code timepicker}, or null when none was picked or it is not {@code "HH:mm"}. */
    public java.time.LocalTime selectedTime(String block) {
        ViewState.Value value = value(block);
        return value == null ? null : TimeOfDay.parse(value.getSelectedTime()).orElse(null);
    }

    /** Whether a block's timepicker sent anything at all (a form from before it had one sends nothing). */
    public boolean hasTime(String block) {
        ViewState.Value value = value(block);
        return value != null && value.getSelectedTime() != null;
    }

    public String selectedConversation(String block) {
        ViewState.Value value = value(block);
        return value == null ? null : value.getSelectedConversation();
    }

    private ViewState.Value value(String block) {
        Map<String, ViewState.Value> inBlock = values.get(block);
        return inBlock == null ? null : inBlock.get(VALUE);
    }
}
