package org.shenpi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The rules of a front-desk start form (一窗受理), checked when the case starts: a start form
 * submitted with invalid data (over REST, past the form's own checks) starts no case. The rules
 * are generated with the form from the catalogue entry (lib/catalogue/start-form.ts) and given
 * as a JSON field: [{variable, label, required, pattern, minLength, maxLength, min, max,
 * when: {variable, equals | notEquals | truthy}}]. A case started with an `application`
 * variable (the online intake, tests) did not come through the form and is not checked here.
 */
public class StartFormGuard implements ExecutionListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Expression rules;

  @Override
  public void notify(DelegateExecution execution) throws Exception {
    if (execution.getVariable("application") != null) {
      return;
    }
    List<String> problems = new ArrayList<>();
    String first = null;
    for (JsonNode rule : JSON.readTree(String.valueOf(rules.getValue(execution)))) {
      if (!applies(rule.get("when"), execution)) {
        continue;
      }
      String variable = rule.get("variable").asText();
      String label = rule.path("label").asText(variable);
      Object value = execution.getVariable(variable);
      String problem = check(rule, label, value);
      if (problem != null) {
        problems.add(problem);
        if (first == null) {
          first = variable;
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(first, "申请未受理, 请更正后重新提交: " + String.join("; ", problems));
    }
  }

  private static boolean applies(JsonNode when, DelegateExecution execution) {
    if (when == null || when.isNull()) {
      return true;
    }
    Object value = execution.getVariable(when.get("variable").asText());
    if (when.has("equals")) {
      return when.get("equals").asText().equals(value);
    }
    if (when.has("notEquals")) {
      return !when.get("notEquals").asText().equals(value);
    }
    return Boolean.TRUE.equals(value);
  }

  private static String check(JsonNode rule, String label, Object value) {
    boolean blank = value == null || (value instanceof String && ((String) value).isBlank());
    if (blank) {
      return rule.path("required").asBoolean(false) ? "「" + label + "」必填" : null;
    }
    if (value instanceof Number) {
      double number = ((Number) value).doubleValue();
      if (rule.has("min") && number < rule.get("min").asDouble()) {
        return "「" + label + "」不得小于 " + rule.get("min").asText();
      }
      if (rule.has("max") && number > rule.get("max").asDouble()) {
        return "「" + label + "」不得大于 " + rule.get("max").asText();
      }
      return null;
    }
    if (!(value instanceof String)) {
      return null;
    }
    String text = ((String) value).trim();
    int length = text.codePointCount(0, text.length());
    if (rule.has("minLength") && length < rule.get("minLength").asInt()) {
      return "「" + label + "」至少 " + rule.get("minLength").asInt() + " 个字";
    }
    if (rule.has("maxLength") && length > rule.get("maxLength").asInt()) {
      return "「" + label + "」最多 " + rule.get("maxLength").asInt() + " 个字";
    }
    if (rule.has("pattern") && !Pattern.compile(rule.get("pattern").asText()).matcher(text).matches()) {
      return "「" + label + "」格式不正确" + (rule.has("hint") ? " (" + rule.get("hint").asText() + ")" : "");
    }
    return null;
  }

  public void setRules(Expression rules) {
    this.rules = rules;
  }
}
