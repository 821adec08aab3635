package org.shenpi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a person may submit at a task: exactly the fields of its deployed form-js form, each
 * against the form's own rules (type, required, options, pattern, length, range). Read-only
 * fields may only come back unchanged; a field the form hides may be left out. The `hide`
 * conditions use the small FEEL subset the generator writes (`=a != "x"`, `=a = null`,
 * `=not(a)`, joined with `or`); a condition outside it counts as hidden (not required).
 */
final class FormContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TEXT = Set.of("textfield", "textarea", "datetime");
  private static final Pattern COMPARISON = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|=)\\s*(null|\"[^\"]*\")$");
  private static final Pattern NEGATION = Pattern.compile("^not\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)$");

  record Field(String key, String type, String label, boolean readonly, boolean required, String hide,
      Set<String> options, String pattern, Integer minLength, Integer maxLength, Double min, Double max) {}

  private final String formId;
  private final Map<String, Field> fields;

  private FormContract(String formId, Map<String, Field> fields) {
    this.formId = formId;
    this.fields = fields;
  }

  /** A task without a form takes no variables at all. */
  static FormContract none() {
    return new FormContract("(无表单)", Map.of());
  }

  static FormContract parse(InputStream form) throws IOException {
    JsonNode root = JSON.readTree(form);
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(root.path("components"), fields);
    return new FormContract(root.path("id").asText("?"), fields);
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key") && !"button".equals(component.path("type").asText())) {
        JsonNode validate = component.path("validate");
        Set<String> options = new LinkedHashSet<>();
        for (JsonNode option : component.path("values")) options.add(option.path("value").asText());
        String key = component.get("key").asText();
        fields.put(key, new Field(key, component.path("type").asText(), component.path("label").asText(key),
            component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false),
            validate.path("required").asBoolean(false),
            component.path("conditional").path("hide").asText(null),
            options,
            validate.path("pattern").asText(null),
            validate.has("minLength") ? validate.get("minLength").asInt() : null,
            validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
            validate.has("min") ? validate.get("min").asDouble() : null,
            validate.has("max") ? validate.get("max").asDouble() : null));
      }
      collect(component.path("components"), fields);
    }
  }

  Set<String> keys() {
    return fields.keySet();
  }

  /** What the submission is: a task's completion, a delegate's resolve (no field is required yet), a case's start. */
  enum Submission {
    COMPLETE, RESOLVE, START;

    boolean requiresFields() { return this == COMPLETE; }

    /** the start form's value rules are the StartFormGuard's, which names every problem at once */
    boolean checksValues() { return this != START; }
  }

  /**
   * Refuses (HTTP 400, naming the field and the rule) unless the submission is exactly this
   * form's fields with valid values. `current` holds the task's variables before the submission.
   */
  void check(Map<String, ?> submitted, Map<String, Object> current, Submission submission) {
    Map<String, Object> after = new LinkedHashMap<>(current);
    submitted.forEach((key, value) -> after.put(key, plain(value)));
    List<String> unknown = submitted.keySet().stream().filter(key -> !fields.containsKey(key)).sorted().toList();
    if (!unknown.isEmpty()) {
      refuse(unknown.get(0), unknown.stream().map(key -> "「" + key + "」").collect(Collectors.joining("、")) + "不是本环节表单 (" + formId + ") 的字段, 不得提交");
    }
    for (Map.Entry<String, ?> entry : submitted.entrySet()) {
      Field field = fields.get(entry.getKey());
      Object value = plain(entry.getValue());
      if (field.readonly()) {
        if (!same(value, current.get(field.key()))) refuse(field.key(), name(field) + "为只读字段, 不得修改");
        continue;
      }
      String problem = problem(field, value, submission.checksValues());
      if (problem != null) refuse(field.key(), problem);
    }
    if (!submission.requiresFields()) return;
    for (Field field : fields.values()) {
      if (!field.required() || field.readonly() || hidden(field.hide(), after)) continue;
      if (blank(after.get(field.key()))) refuse(field.key(), name(field) + "必填");
    }
  }

  private static String problem(Field field, Object value, boolean values) {
    if (blank(value)) return null;
    String label = name(field);
    switch (field.type()) {
      case "checkbox":
        return value instanceof Boolean ? null : label + "应为是/否 (Boolean)";
      case "number":
        if (!(value instanceof Number)) return label + "应为数字";
        if (!values) return null;
        double number = ((Number) value).doubleValue();
        if (field.min() != null && number < field.min()) return label + "不得小于 " + field.min();
        if (field.max() != null && number > field.max()) return label + "不得大于 " + field.max();
        return null;
      case "select":
      case "radio":
        if (!field.options().isEmpty() && !field.options().contains(String.valueOf(value))) {
          return label + "只能取表单列出的选项 " + field.options();
        }
        return value instanceof String ? null : label + "应为文本";
      default:
        if (!TEXT.contains(field.type())) return null;
        if (!(value instanceof String)) return label + "应为文本";
        if (!values) return null;
        String text = ((String) value).trim();
        int length = text.codePointCount(0, text.length());
        if (field.minLength() != null && length < field.minLength()) return label + "至少 " + field.minLength() + " 个字";
        if (field.maxLength() != null && length > field.maxLength()) return label + "最多 " + field.maxLength() + " 个字";
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).matches()) return label + "格式不正确";
        return null;
    }
  }

  /** Whether the form hides the field for these values; unknown conditions count as hidden. */
  static boolean hidden(String condition, Map<String, Object> values) {
    if (condition == null || condition.isBlank()) return false;
    String expression = condition.startsWith("=") ? condition.substring(1).trim() : condition.trim();
    for (String term : expression.split("\\s+or\\s+")) {
      Boolean result = evaluate(term.trim(), values);
      if (result == null || result) return true;
    }
    return false;
  }

  private static Boolean evaluate(String term, Map<String, Object> values) {
    Matcher negation = NEGATION.matcher(term);
    if (negation.matches()) return !Boolean.TRUE.equals(values.get(negation.group(1)));
    Matcher comparison = COMPARISON.matcher(term);
    if (!comparison.matches()) return null;
    Object value = values.get(comparison.group(1));
    String literal = comparison.group(3);
    boolean equal = "null".equals(literal) ? value == null : Objects.equals(literal.substring(1, literal.length() - 1), value == null ? null : String.valueOf(value));
    return "=".equals(comparison.group(2)) == equal;
  }

  private static String name(Field field) {
    return "「" + field.label() + "」(" + field.key() + ") ";
  }

  static Object plain(Object value) {
    return value instanceof TypedValue ? ((TypedValue) value).getValue() : value;
  }

  private static boolean blank(Object value) {
    return value == null || (value instanceof String && ((String) value).isBlank());
  }

  private static boolean same(Object submitted, Object current) {
    if (blank(submitted) && blank(current)) return true;
    if (submitted instanceof Number && current instanceof Number) return ((Number) submitted).doubleValue() == ((Number) current).doubleValue();
    return submitted != null && current != null && String.valueOf(submitted).equals(String.valueOf(current));
  }

  private static void refuse(String field, String message) {
    throw new FormFieldValidationException(field, "shenpi: 表单即契约, 提交被拒绝, 未写入任何数据: " + message);
  }
}
