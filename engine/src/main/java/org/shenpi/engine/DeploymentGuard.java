package org.shenpi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The engine runs only code it was built with (issue 14). A new deployment is refused when a
 * BPMN has an expression other than plain variable references, comparisons and the listed
 * members, a `camunda:class` not of this engine's own listeners, a `delegateExpression`, an
 * embedded or app form (`camunda:formKey`); a DMN has an expression language other than FEEL;
 * a resource is HTML or a script; a form-js form has an `html` component. Each refusal names the
 * resource, the element and the rule. Script elements themselves: {@link NoScriptsPlugin}.
 */
final class DeploymentGuard implements Deployer {

  static final Set<String> PROJECT_CLASSES = Set.of(
      "org.shenpi.engine.RequireReasonListener", "org.shenpi.engine.StartFormGuard",
      "org.shenpi.engine.BindingOpinionListener", "org.shenpi.engine.SeparationOfDutiesListener");

  /** What an expression may call or read after a dot: variables, the business key, JSON props. */
  static final Set<String> MEMBERS = Set.of(
      "getVariable", "setVariable", "setVariableLocal", "processBusinessKey", "setProcessBusinessKey",
      "processInstanceId", "execution", "concat", "prop", "stringValue", "numberValue", "boolValue", "isNull");

  /** Functions the engine offers that expressions may call (the Tasklist filters use them too). */
  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  static final Set<String> REFUSED_FORM_COMPONENTS = Set.of("html", "iframe", "script");

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)\\}");
  private static final Pattern TOKEN = Pattern.compile(
      "\\s+|'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|\\d+(?:\\.\\d+)?|[A-Za-z_][A-Za-z0-9_]*|==|!=|<=|>=|&&|\\|\\||[-+*/%<>!?:(),.]");
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) return;
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) checkBpmn(name, resource.getBytes());
      else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) checkDmn(name, resource.getBytes());
      else if (lower.endsWith(".form")) checkForm(name, resource.getBytes());
      else if (lower.matches(".*\\.(html?|xhtml|js|mjs|groovy|py|rb|jsp|sh)$")) refuse(name, "资源", "不允许部署 HTML 或脚本文件 (嵌入式表单、外部脚本)");
    }
  }

  private static void checkBpmn(String resource, byte[] xml) {
    walk(resource, parse(resource, xml).getDocumentElement(), (element, attribute, value) -> {
      String local = attribute == null ? null : localName(attribute);
      boolean camunda = attribute != null && CAMUNDA.equals(attribute.getNamespaceURI());
      if (camunda && "class".equals(local) && !PROJECT_CLASSES.contains(value.trim())) {
        refuse(resource, describe(element), "camunda:class「" + value + "」不在本引擎的类清单中 " + new TreeSet<>(PROJECT_CLASSES));
      }
      if (camunda && "delegateExpression".equals(local)) refuse(resource, describe(element), "不允许 camunda:delegateExpression");
      if (camunda && "formKey".equals(local)) refuse(resource, describe(element), "不允许 camunda:formKey (嵌入式或外部 HTML 表单); 请用 camunda:formRef 引用 Camunda 表单");
      if (camunda && "expression".equals(local) && !EXPRESSION.matcher(value).find()) refuse(resource, describe(element), "camunda:expression 必须是 ${…} 表达式");
      Matcher found = EXPRESSION.matcher(value);
      while (found.find()) {
        String problem = problem(found.group(1));
        if (problem != null) refuse(resource, describe(element), "表达式「" + found.group() + "」" + problem);
      }
    });
  }

  /** Why an expression is refused, or null: tokens, members and functions of the allowlist only. */
  static String problem(String expression) {
    Matcher token = TOKEN.matcher(expression);
    int at = 0;
    String previous = null;
    List<String> tokens = new java.util.ArrayList<>();
    while (at < expression.length()) {
      if (!token.find(at) || token.start() != at) return "含不允许的字符「" + expression.charAt(at) + "」";
      String text = token.group();
      at = token.end();
      if (!text.isBlank()) tokens.add(text);
    }
    for (int i = 0; i < tokens.size(); i++) {
      String text = tokens.get(i);
      if (!Character.isLetter(text.charAt(0)) && text.charAt(0) != '_') {
        previous = text;
        continue;
      }
      boolean member = ".".equals(previous);
      boolean call = i + 1 < tokens.size() && "(".equals(tokens.get(i + 1));
      if (member && !MEMBERS.contains(text)) return "访问了清单以外的成员「" + text + "」(只允许 " + new TreeSet<>(MEMBERS) + ")";
      if (!member && call && !FUNCTIONS.contains(text)) return "调用了清单以外的函数「" + text + "」(只允许 " + new TreeSet<>(FUNCTIONS) + ")";
      previous = text;
    }
    return null;
  }

  private static void checkDmn(String resource, byte[] xml) {
    walk(resource, parse(resource, xml).getDocumentElement(), (element, attribute, value) -> {
      if (attribute == null) return;
      String local = localName(attribute);
      if (("expressionLanguage".equals(local) || "typeLanguage".equals(local)) && !value.toLowerCase(Locale.ROOT).contains("feel")) {
        refuse(resource, describe(element), local + "「" + value + "」: 决策表只允许 FEEL, 不允许脚本语言");
      }
    });
  }

  private static void checkForm(String resource, byte[] json) {
    try {
      checkComponents(resource, JSON.readTree(json).path("components"));
    } catch (java.io.IOException unreadable) {
      refuse(resource, "表单", "不是有效的 JSON: " + unreadable.getMessage());
    }
  }

  private static void checkComponents(String resource, JsonNode components) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (REFUSED_FORM_COMPONENTS.contains(type)) {
        refuse(resource, "组件 " + type + " '" + component.path("id").asText("?") + "'", "表单不允许 " + type + " 组件 (页面中运行的代码)");
      }
      checkComponents(resource, component.path("components"));
    }
  }

  interface Visitor {
    /** Called for each attribute (with its value) and once for the element's own text (attribute null). */
    void visit(Element element, Attr attribute, String value);
  }

  private static void walk(String resource, Element element, Visitor visitor) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      visitor.visit(element, attribute, attribute.getValue());
    }
    StringBuilder text = new StringBuilder();
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) text.append(child.getNodeValue());
      else if (child instanceof Element) walk(resource, (Element) child, visitor);
    }
    if (!text.toString().isBlank()) visitor.visit(element, null, text.toString());
  }

  private static Document parse(String resource, byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (Exception unreadable) {
      throw new BadUserRequestException("shenpi: 部署被拒绝: " + resource + " 不是有效的 XML: " + unreadable.getMessage(), unreadable);
    }
  }

  private static String localName(Attr attribute) {
    return attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
  }

  private static String describe(Element element) {
    String tag = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    Node parent = element;
    while (parent instanceof Element && ((Element) parent).getAttribute("id").isEmpty()) parent = parent.getParentNode();
    String id = parent instanceof Element ? ((Element) parent).getAttribute("id") : "?";
    return tag + " (" + id + ")";
  }

  private static void refuse(String resource, String where, String rule) {
    throw new BadUserRequestException("shenpi: 部署被拒绝 (引擎只运行随其构建的代码): " + resource + ", " + where + ": " + rule);
  }
}
